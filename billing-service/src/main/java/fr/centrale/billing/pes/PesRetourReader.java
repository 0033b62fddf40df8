package fr.centrale.billing.pes;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the receipts of a {@code PES_Retour} (schemas 5.17, {@code PES_V2/RETOUR/Rev0/PES_Retour.xsd}): the comptable's
 * header (Hélios codes of the budget) and, in {@code PES_RecetteRetour}, every {@code EncaissementEmargement} of every
 * line of titre, with the bordereau (Exer, IdBord, TypBord), the titre (IdPce) and the line (IdLigne) it belongs to.
 * {@link #read} validates the file first: what it reads is what the schema allows.
 */
public final class PesRetourReader {

    private PesRetourReader() {
    }

    /** The comptable's file: its name, its header, and its encaissements/émargements in the order of the file. */
    public record Retour(String fileName, LocalDate date, String postingCode, String collectivityId, String collectivityCode,
                         String budgetCode, List<Receipt> receipts) {
    }

    /**
     * One {@code EncaissementEmargement}: on the line {@code line} of titre {@code piece} of bordereau {@code bordereau}
     * of {@code fiscalYear}, an émargement of {@code amount} on {@code date}, of origin {@code origin} (OrgEma).
     *
     * @param rank 1 for the first émargement of that line with that date and amount in the file, 2 for a second...
     */
    public record Receipt(int fiscalYear, long bordereau, String bordereauType, long piece, int line, String origin,
                          LocalDate date, BigDecimal amount, int rank) {
    }

    /** Validates then reads; {@link PesSchemas.Invalid} when the schema refuses the file. */
    public static Retour read(byte[] xml) throws PesSchemas.Invalid {
        if (xml == null || xml.length == 0) {
            throw new PesSchemas.Invalid(PesSchemas.RETOUR.substring(PesSchemas.RETOUR.indexOf("PES_V2/")), "the file is empty");
        }
        PesSchemas.validateRetour(xml);
        try {
            return parse(xml);
        } catch (XMLStreamException e) {
            throw new PesSchemas.Invalid(PesSchemas.RETOUR.substring(PesSchemas.RETOUR.indexOf("PES_V2/")), e.getMessage());
        }
    }

    private static Retour parse(byte[] xml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
        Deque<String> path = new ArrayDeque<>();
        Map<String, String> header = new HashMap<>();
        List<Receipt> receipts = new ArrayList<>();
        Map<String, Integer> ranks = new HashMap<>();
        int year = 0;
        long bordereau = 0;
        String type = null;
        long piece = 0;
        int line = 0;
        String origin = null;
        LocalDate date = null;
        BigDecimal amount = null;
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                String parent = path.peek();
                path.push(name);
                String v = r.getAttributeValue(null, "V");
                if ("EnTetePES".equals(parent) || "Parametres".equals(parent)) {
                    header.put(name, v);
                } else if ("BlocBordereau".equals(parent)) {
                    switch (name) {
                        case "Exer" -> year = Integer.parseInt(v.strip());
                        case "IdBord" -> bordereau = Long.parseLong(v.strip());
                        case "TypBord" -> type = v;
                        default -> { }
                    }
                } else if ("BlocPiece".equals(parent) && "IdPce".equals(name)) {
                    piece = Long.parseLong(v.strip());
                } else if ("InfoLignePiece".equals(parent) && "IdLigne".equals(name)) {
                    line = Integer.parseInt(v.strip());
                } else if ("EncaissementEmargement".equals(parent)) {
                    switch (name) {
                        case "OrgEma" -> origin = v;
                        case "DteReco" -> date = LocalDate.parse(v.strip());
                        case "MtReco" -> amount = new BigDecimal(v.strip());
                        default -> { }
                    }
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                String name = path.pop();
                if ("EncaissementEmargement".equals(name) && path.contains("PES_RecetteRetour")) {
                    String same = year + "|" + bordereau + "|" + piece + "|" + line + "|" + date + "|" + amount.stripTrailingZeros().toPlainString();
                    int rank = ranks.merge(same, 1, Integer::sum);
                    receipts.add(new Receipt(year, bordereau, type, piece, line, origin, date, amount, rank));
                    origin = null;
                    date = null;
                    amount = null;
                }
            }
        }
        LocalDate dteStr = header.get("DteStr") == null ? null : LocalDate.parse(header.get("DteStr").strip());
        return new Retour(header.get("NomFic"), dteStr, header.get("IdPost"), header.get("IdColl"), header.get("CodColl"),
                header.get("CodBud"), receipts);
    }
}
