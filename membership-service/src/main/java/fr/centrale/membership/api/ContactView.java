package fr.centrale.membership.api;

import fr.centrale.membership.Contact;

import java.util.UUID;

public record ContactView(UUID id, String name, String role, String email, String phone, long version) {

    public static ContactView of(Contact c) {
        return new ContactView(c.id, c.name, c.role, c.email, c.phone, c.version);
    }
}
