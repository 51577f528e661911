package io.hipaaaudit.report;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.report.html.HtmlReporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * report.pdf: the HTML report's own template with its print theme (cover page, every detail open, a finding kept on
 * one page, page numbers), laid out by openhtmltopdf on PDFBox, so no browser is needed. Text is set in the PDF
 * standard fonts (Helvetica, Courier: nothing embedded, nothing read from the system); a character they cannot
 * show prints as {@code ?}. Nothing is fetched while rendering, and the same input gives the same bytes.
 */
public final class PdfReporter implements Reporter {
    static final String FILE = "report.pdf";

    static {
        // the renderer logs timings and CSS notes through java.util.logging to stderr: not the CLI's output
        XRLog.setLoggingEnabled(false);
    }

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public List<Path> write(ReportInput input, Path dir) throws IOException {
        String xhtml = HtmlReporter.printPage(input);
        Path file = dir.resolve(FILE);
        try (PDDocument pdf = new PDDocument(); OutputStream out = Files.newOutputStream(file)) {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .usePDDocument(pdf)
                    .withW3cDocument(parse(xhtml), null)
                    .useReplacementText("?")
                    // the page references nothing; refuse anything a value could still name
                    .useExternalResourceAccessControl((uri, type) -> false,
                            ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useExternalResourceAccessControl((uri, type) -> false,
                            ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .withDiagnosticConsumer(d -> { })
                    .withProducer(input.findings().scan().tool() + " " + input.findings().scan().version());
            try (var renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
            }
            describe(pdf, input.findings().scan(), xhtml);
            pdf.save(out);
        }
        return List.of(file);
    }

    /**
     * Title and dates from the scan, and a document id derived from the page: PDFBox would otherwise seed the
     * file identifier with the current time, and two writes of the same findings would differ.
     */
    private static void describe(PDDocument pdf, ScanInfo scan, String xhtml) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle("HIPAA audit report " + scan.environment() + " " + scan.id());
        info.setCreator(scan.tool() + " " + scan.version());
        scan.finishedAt().or(scan::startedAt).map(PdfReporter::calendar).ifPresent(c -> {
            info.setCreationDate(c);
            info.setModificationDate(c);
        });
        pdf.setDocumentId(ByteBuffer.wrap(sha256(xhtml)).getLong());
    }

    private static Calendar calendar(String instant) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(Instant.parse(instant).toEpochMilli());
        return c;
    }

    /** The page as a DOM, read by the JDK's XML parser with DTDs and external entities refused. */
    static Document parse(String xhtml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the print page is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
