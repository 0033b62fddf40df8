package fr.centrale.membership.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a change of a contact changed (docs/rules.md, R-16: contacts can be corrected, RGPD right of rectification,
 * beside access and erasure, and each change is recorded: who, when, what). An erasure records which fields held
 * data, never their values (RGPD art. 17: erased data are not kept, not even in the record of the erasure).
 */
public final class ContactChanges {

    /** The personal data of a contact at one moment. */
    public record Snapshot(String name, String role, String email, String phone) {

        /** The fields in a fixed order, with their values (null when empty). */
        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("role", role);
            fields.put("email", email);
            fields.put("phone", phone);
            return fields;
        }
    }

    /** One field's change; the values are null when the field was empty, or when they are not kept (erasure). */
    public record FieldChange(String field, String oldValue, String newValue) {
    }

    private ContactChanges() {
    }

    /** A creation: every field given, with its new value. */
    public static List<FieldChange> created(Snapshot created) {
        List<FieldChange> changes = new ArrayList<>();
        created.fields().forEach((field, value) -> {
            if (value != null) {
                changes.add(new FieldChange(field, null, value));
            }
        });
        return changes;
    }

    /** A correction: every field whose value differs, with its old and new values; empty when nothing changes. */
    public static List<FieldChange> corrected(Snapshot before, Snapshot after) {
        List<FieldChange> changes = new ArrayList<>();
        Map<String, String> old = before.fields();
        after.fields().forEach((field, value) -> {
            if (!Objects.equals(old.get(field), value)) {
                changes.add(new FieldChange(field, old.get(field), value));
            }
        });
        return changes;
    }

    /** An erasure: the fields that held data, without any value. */
    public static List<FieldChange> erased(Snapshot before) {
        List<FieldChange> changes = new ArrayList<>();
        before.fields().forEach((field, value) -> {
            if (value != null) {
                changes.add(new FieldChange(field, null, null));
            }
        });
        return changes;
    }
}
