package fr.centrale.billing.pes;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;

/**
 * The DGFiP's PES V2 schemas, version 5.17, as copied under {@code src/main/resources/pes/pes-v2-5.17/} (see the README
 * there), and validation against them with {@code javax.xml.validation}: an error or a warning, while loading a schema
 * or validating a file, is a failure ({@link Invalid}, naming the line, column and the schema's message). A file never
 * reaches an external DTD or schema: it is checked against these only.
 */
public final class PesSchemas {

    public static final String ALLER = "pes/pes-v2-5.17/PES_V2/Rev0/PES_Aller.xsd";
    public static final String RETOUR = "pes/pes-v2-5.17/PES_V2/RETOUR/Rev0/PES_Retour.xsd";

    private static volatile Schema aller;
    private static volatile Schema retour;

    private PesSchemas() {
    }

    /** A file the schema refuses; the message names the line and column and what the validator said. */
    public static final class Invalid extends Exception {
        private final String schema;

        Invalid(String schema, String message) {
            super(message);
            this.schema = schema;
        }

        /** The schema's path under the 5.17 folder, e.g. PES_V2/RETOUR/Rev0/PES_Retour.xsd. */
        public String schema() {
            return schema;
        }
    }

    public static void validateAller(byte[] xml) throws Invalid {
        validate(ALLER, allerSchema(), xml);
    }

    public static void validateRetour(byte[] xml) throws Invalid {
        validate(RETOUR, retourSchema(), xml);
    }

    static Schema allerSchema() {
        Schema s = aller;
        if (s == null) {
            synchronized (PesSchemas.class) {
                s = aller == null ? (aller = load(ALLER)) : aller;
            }
        }
        return s;
    }

    static Schema retourSchema() {
        Schema s = retour;
        if (s == null) {
            synchronized (PesSchemas.class) {
                s = retour == null ? (retour = load(RETOUR)) : retour;
            }
        }
        return s;
    }

    private static Schema load(String resource) {
        URL url = PesSchemas.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("PES V2 schema " + resource + " is not on the classpath");
        }
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setErrorHandler(new Strict());
        try {
            return f.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("PES V2 schema " + resource + " does not load: " + e.getMessage(), e);
        }
    }

    private static void validate(String resource, Schema schema, byte[] xml) throws Invalid {
        String name = resource.substring(resource.indexOf("PES_V2/"));
        Validator v = schema.newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (SAXException e) {
            // a validator without these knobs still validates; the reader refuses a DOCTYPE itself
        }
        Collecting found = new Collecting();
        v.setErrorHandler(found);
        try {
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            found.add(e);
        } catch (SAXException e) {
            if (e != Collecting.STOP) {
                found.messages.add(String.valueOf(e.getMessage()));
            }
        } catch (IOException e) {
            found.messages.add("unreadable: " + e.getMessage());
        }
        if (!found.messages.isEmpty()) {
            throw new Invalid(name, String.join("; ", found.messages));
        }
    }

    /**
     * Keeps the first few errors and warnings (a warning fails the file like an error): the validator often says what
     * is wrong in one message and where (the element) in the next. A fatal error stops at once.
     */
    private static final class Collecting implements ErrorHandler {
        private static final int MAX = 3;
        private static final SAXException STOP = new SAXException("stop");
        final java.util.List<String> messages = new java.util.ArrayList<>();

        void add(SAXParseException e) {
            String m = "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
            if (!messages.contains(m)) {
                messages.add(m);
            }
        }

        private void collect(SAXParseException e) throws SAXException {
            add(e);
            if (messages.size() >= MAX) {
                throw STOP;
            }
        }

        @Override
        public void warning(SAXParseException e) throws SAXException {
            collect(e);
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            collect(e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /** Fails on a warning as on an error. */
    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
