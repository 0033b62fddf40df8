package fr.centrale.membership;

import fr.centrale.common.organisation.Category;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An adhérent, bénéficiaire or signataire: a legal entity identified by its SIRET. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String siret;
    @Enumerated(EnumType.STRING)
    public Category category;
    /** Inhabitants, for communes (grids use 20 000, 30 000 and 50 000). */
    public Integer population;
    /** Beds/places or employees, where a grid sizes by it (CAIH). */
    public Integer headcount;
    public String finess;
    public String street;
    @Column(name = "postal_code")
    public String postalCode;
    public String city;
    /** Derived from the postal code (62411 → 62). */
    public String departement;
    /** Chorus Pro numéro d'engagement juridique (EJ). */
    @Column(name = "chorus_legal_commitment")
    public String chorusLegalCommitment;
    @Column(name = "chorus_service_code")
    public String chorusServiceCode;

    @OneToMany(mappedBy = "organisation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    public List<Contact> contacts = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
