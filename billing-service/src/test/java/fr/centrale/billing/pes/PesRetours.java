package fr.centrale.billing.pes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a PES_Retour (recette) as the comptable's Hélios sends one, for tests: the budget's header and, per bordereau,
 * titre and line, the encaissements given.
 */
public final class PesRetours {

    private final String idColl;
    private final String codColl;
    private final String codBud;
    private final Map<String, List<String>> receipts = new LinkedHashMap<>();

    public PesRetours(String idColl, String codColl, String codBud) {
        this.idColl = idColl;
        this.codColl = codColl;
        this.codBud = codBud;
    }

    /** An encaissement (OrgEma 02) on a line of a titre. */
    public PesRetours paid(int year, long bordereau, long titre, int line, LocalDate on, String amount) {
        return emargement(year, bordereau, titre, line, "02", on, amount);
    }

    public PesRetours emargement(int year, long bordereau, long titre, int line, String origin, LocalDate on, String amount) {
        receipts.computeIfAbsent(year + "/" + bordereau + "/" + titre + "/" + line, k -> new ArrayList<>())
                .add("<EncaissementEmargement><OrgEma V=\"" + origin + "\"/><DteReco V=\"" + on + "\"/><MtReco V=\""
                        + new BigDecimal(amount).setScale(2) + "\"/></EncaissementEmargement>");
        return this;
    }

    public String xml() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n")
                .append("<n:PES_Retour xmlns:n=\"http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour\">")
                .append("<Enveloppe><Parametres><Version V=\"1\"/><TypFic V=\"PES2R_REC\"/>")
                .append("<NomFic V=\"PES2R_REC_2_").append(codColl).append('_').append(codBud).append("_075044_20250315.xml\"/></Parametres></Enveloppe>")
                .append("<EnTetePES><DteStr V=\"2025-03-15\"/><IdPost V=\"075044\"/><IdColl V=\"").append(idColl)
                .append("\"/><CodColl V=\"").append(codColl).append("\"/><CodBud V=\"").append(codBud).append("\"/></EnTetePES>")
                .append("<PES_RecetteRetour><EnTeteRecette><TypRestit V=\"01\"/><IdVer V=\"2\"/><NatInf V=\"2\"/></EnTeteRecette>");
        Map<String, Map<String, Map<String, List<String>>>> tree = new LinkedHashMap<>();
        receipts.forEach((k, v) -> {
            String[] p = k.split("/");
            tree.computeIfAbsent(p[0] + "/" + p[1], x -> new LinkedHashMap<>()).computeIfAbsent(p[2], x -> new LinkedHashMap<>())
                    .put(p[3], v);
        });
        tree.forEach((bord, titres) -> {
            String[] b = bord.split("/");
            s.append("<Bordereau><BlocBordereau><Exer V=\"").append(b[0]).append("\"/><IdBord V=\"").append(b[1])
                    .append("\"/><TypBord V=\"01\"/></BlocBordereau>");
            titres.forEach((titre, lines) -> {
                s.append("<Piece><BlocPiece><IdPce V=\"").append(titre).append("\"/><TypPce V=\"01\"/><NatPce V=\"01\"/>")
                        .append("<EtatPce V=\"02\"/></BlocPiece>");
                lines.forEach((line, enc) -> {
                    s.append("<LigneDePiece><BlocLignePiece><InfoLignePiece><IdLigne V=\"").append(line)
                            .append("\"/><EtatLigPce V=\"04\"/><MtHT V=\"1.00\"/></InfoLignePiece></BlocLignePiece>");
                    enc.forEach(s::append);
                    s.append("</LigneDePiece>");
                });
                s.append("</Piece>");
            });
            s.append("</Bordereau>");
        });
        return s.append("</PES_RecetteRetour></n:PES_Retour>").toString();
    }

    public byte[] bytes() {
        return xml().getBytes(StandardCharsets.ISO_8859_1);
    }
}
