package dev.payplatform.bankrail;

import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxPain00200110;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.SchemaOutputResolver;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Validates messages against their schema. The official XSDs cannot be downloaded on this machine,
 * so by default the schema is generated from Prowide's JAXB model (made by xjc from the official
 * XSDs: element names, order, cardinality and types survive; length and pattern facets do not, see
 * {@link Iso} and decision 0030). A directory of official XSDs ({@code <message name>.xsd}), given
 * to the constructor or as system property {@value #XSD_DIR_PROPERTY}, is used instead where it has
 * the message's file. Each schema is built once per message name.
 */
public final class Iso20022Schemas {
  public static final String XSD_DIR_PROPERTY = "bankrail.xsd-dir";
  static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
  private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
  private static final Map<String, Class<?>> MODELS =
      Map.of(
          "pain.001.001.09", MxPain00100109.class,
          "pain.002.001.10", MxPain00200110.class,
          "camt.054.001.08", MxCamt05400108.class);
  private static volatile Iso20022Schemas shared;

  private final Path xsdDir;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /** {@code xsdDir}: official XSDs to prefer over the generated schema, or null. */
  public Iso20022Schemas(Path xsdDir) {
    this.xsdDir = xsdDir;
  }

  /** Validates with the process-wide instance (official XSDs from {@value #XSD_DIR_PROPERTY}). */
  public static void validate(String xml, String messageName) {
    Iso20022Schemas instance = shared;
    if (instance == null) {
      String dir = System.getProperty(XSD_DIR_PROPERTY);
      instance = new Iso20022Schemas(dir == null || dir.isBlank() ? null : Path.of(dir));
      shared = instance;
    }
    instance.check(xml, messageName);
  }

  /** Throws {@link InvalidMessage} unless {@code xml} is a valid {@code messageName} document. */
  public void check(String xml, String messageName) {
    if (xml == null || xml.isBlank()) {
      throw new InvalidMessage("an empty " + messageName);
    }
    Validator validator = schemas.computeIfAbsent(messageName, this::load).newValidator();
    try {
      validator.validate(new SAXSource(secureReader(), new InputSource(new StringReader(xml))));
    } catch (SAXException e) {
      throw new InvalidMessage("not a valid " + messageName + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InvalidMessage("could not read the " + messageName + ": " + e.getMessage(), e);
    }
  }

  /** Where {@code messageName}'s schema comes from: an official XSD's path, or "generated". */
  public String source(String messageName) {
    Path official = official(messageName);
    return official != null ? official.toString() : "generated";
  }

  private Path official(String messageName) {
    if (xsdDir == null) {
      return null;
    }
    Path file = xsdDir.resolve(messageName + ".xsd");
    return Files.isRegularFile(file) ? file : null;
  }

  private Schema load(String messageName) {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XS);
      Path official = official(messageName);
      if (official != null) {
        return factory.newSchema(official.toFile());
      }
      return factory.newSchema(new StreamSource(new StringReader(generated(messageName))));
    } catch (SAXException e) {
      throw new IllegalStateException("the schema of " + messageName + " does not load", e);
    }
  }

  /**
   * The schema JAXB derives from the model. JAXB puts the model's types in a schema without a
   * namespace (the model's elements are unqualified; Prowide qualifies them as it writes), so this
   * moves them into the message's namespace, qualified, with the root element {@code Document}.
   */
  static String generated(String messageName) {
    Class<?> model = MODELS.get(messageName);
    if (model == null) {
      throw new IllegalArgumentException("no model for message " + messageName);
    }
    String namespace = NAMESPACE_PREFIX + messageName;
    try {
      Map<String, StringWriter> outputs = new LinkedHashMap<>();
      JAXBContext.newInstance(model)
          .generateSchema(
              new SchemaOutputResolver() {
                @Override
                public javax.xml.transform.Result createOutput(String ns, String file) {
                  StringWriter writer = new StringWriter();
                  outputs.put(ns, writer);
                  StreamResult result = new StreamResult(writer);
                  result.setSystemId(file);
                  return result;
                }
              });
      StringWriter types = outputs.get("");
      if (types == null || outputs.size() != 2 || !outputs.containsKey(namespace)) {
        throw new IllegalStateException("unexpected schema layout for " + messageName);
      }
      DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
      dbf.setNamespaceAware(true);
      dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Document doc =
          dbf.newDocumentBuilder().parse(new InputSource(new StringReader(types.toString())));
      Element schema = doc.getDocumentElement();
      for (Node n = schema.getFirstChild(); n != null; ) {
        Node next = n.getNextSibling();
        if (n instanceof Element e
            && XS.equals(e.getNamespaceURI())
            && "import".equals(e.getLocalName())) {
          schema.removeChild(n);
        }
        n = next;
      }
      schema.setAttribute("targetNamespace", namespace);
      schema.setAttribute("elementFormDefault", "qualified");
      // Unprefixed type references ("GroupHeader85") now resolve in the message's namespace.
      schema.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", namespace);
      Element root = doc.createElementNS(XS, "xs:element");
      root.setAttribute("name", "Document");
      root.setAttribute("type", "Document");
      schema.insertBefore(root, schema.getFirstChild());
      StringWriter out = new StringWriter();
      TransformerFactory.newInstance()
          .newTransformer()
          .transform(new DOMSource(doc), new StreamResult(out));
      return out.toString();
    } catch (JAXBException
        | IOException
        | SAXException
        | javax.xml.transform.TransformerException
        | javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException("could not generate the schema of " + messageName, e);
    }
  }

  // No DOCTYPE at all: no external entities, no entity expansion.
  private static XMLReader secureReader() {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory.newSAXParser().getXMLReader();
    } catch (Exception e) {
      throw new IllegalStateException("no secure XML parser", e);
    }
  }
}
