package io.recoveryportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every folder of the web application is mapped, so none of them gets the container's "301 Document
 * moved".
 */
class FolderPathsTest {

  @Test
  void everyFolderOfTheWebApplicationIsMapped() throws IOException {
    Path webapp = Path.of("webapp");
    Set<String> folders;
    try (Stream<Path> all = Files.walk(webapp)) {
      folders =
          all.filter(Files::isDirectory)
              .filter(p -> !p.equals(webapp))
              .map(p -> "/" + webapp.relativize(p).toString().replace('\\', '/'))
              // mapped with everything below them: the container never serves them at all
              .filter(p -> !p.startsWith("/WEB-INF") && !p.startsWith("/META-INF"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    folders.addAll(Set.of("/WEB-INF/*", "/META-INF/*"));
    Set<String> mapped =
        new TreeSet<>(Set.of(FolderPaths.class.getAnnotation(WebServlet.class).urlPatterns()));
    assertEquals(folders, mapped);
  }
}
