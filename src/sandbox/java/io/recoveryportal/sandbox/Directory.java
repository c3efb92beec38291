package io.recoveryportal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The sandbox tenant's directory, seeded from config/sandbox/directory.json. (Skeleton: being built out.) */
public final class Directory {

    private final Map<String, Object> seed;

    private Directory(Map<String, Object> seed) {
        this.seed = seed;
    }

    public static Directory load(Path file) {
        try {
            return new Directory(Json.parseObject(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox directory seed " + file, e);
        }
    }

    public String tenantId() {
        return (String) seed.get("tenantId");
    }

    public String appId() {
        return (String) Json.obj(seed.get("application")).get("appId");
    }

    /** The directory extension attribute holding the birthdate: extension_{appId without hyphens}_{name}. */
    public String birthdateAttribute() {
        return "extension_" + appId().replace("-", "") + "_" + seed.get("birthdateExtension");
    }

    /** A demo employee as the launcher lists them. */
    public record DemoEmployee(String displayName, String userPrincipalName, String note) {
    }

    public List<DemoEmployee> demoEmployees() {
        return seedUsers().stream().map(Json::obj).map(u -> new DemoEmployee((String) u.get("displayName"),
                (String) u.get("userPrincipalName"), (String) u.getOrDefault("note", ""))).toList();
    }

    /** The seed's users, as raw maps. */
    public List<Object> seedUsers() {
        return Json.list(seed.get("users"));
    }
}
