package fr.centrale.billing.domain;

/** A way the debtor may pay a titre (docs/rules.md, R-5: "accepted means"); the printed wording is in the templates. */
public enum PaymentMean {
    /** Virement bancaire (the IBAN and BIC printed). */
    VIREMENT,
    /** Chèque à l'ordre du comptable. */
    CHEQUE,
    /** Carte bancaire (paiement en ligne, PayFiP). */
    CARTE,
    /** Prélèvement. */
    PRELEVEMENT,
    /** Numéraire, à la caisse du comptable. */
    NUMERAIRE
}
