package io.hipaaaudit.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.json.Json;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads and writes the inventory's JSON form. Bad input becomes an {@link InputException} naming file and line. */
public final class InventoryJson {
    private InventoryJson() {}

    public static Inventory read(Path file) {
        return parse(InputFiles.readString(file, InputFiles.Kind.SNAPSHOT), file.toString());
    }

    public static Inventory parse(String text, String origin) {
        try {
            return Json.json().readValue(text, Inventory.class);
        } catch (JsonProcessingException e) {
            throw InputException.of(origin, e, Json.json().getFactory(), text);
        }
    }

    public static String write(Inventory inventory) {
        return Json.write(inventory);
    }

    /** SHA-256 of the canonical JSON form: identifies exactly what was evaluated. */
    public static String sha256(Inventory inventory) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(inventory).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
