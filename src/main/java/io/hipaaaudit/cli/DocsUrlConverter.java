package io.hipaaaudit.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine;

/**
 * {@code --docs-url}: an absolute http(s) URL of the folder where this version's repository files are published,
 * e.g. {@code https://github.com/acme/hipaa-audit/blob/v1.4.0/}; a missing final slash is added. A URL with a user
 * name, password, query or fragment is refused without repeating it (it could carry a token).
 */
final class DocsUrlConverter implements CommandLine.ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new CommandLine.TypeConversionException("not a URL");
        }
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new CommandLine.TypeConversionException("must be an absolute http(s) URL of a folder");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new CommandLine.TypeConversionException(
                    "must not carry a user name, password, query or fragment (give the folder's plain URL)");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text : text + "/");
    }
}
