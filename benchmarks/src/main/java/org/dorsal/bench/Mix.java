package org.dorsal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.dorsal.Disposition;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.Thresholds;
import org.dorsal.oracle.Oracle;

/**
 * The fixed mix of realistic intakes the benchmarks cycle through: the sample intakes of
 * {@code examples/intake} and the rule cases of {@code rules-content/src/test/resources/cases}
 * (those with the default thresholds), copied into this module's jar at build time.
 *
 * <p>Real traffic is mostly self-care, so the mix is weighted by disposition, not by file:
 * {@value #SIZE} slots, 70% SELF_CARE, 15% ROUTINE, 10% URGENT, 5% EMERGENCY, each share cycling
 * through the files that have that disposition, shuffled with a fixed seed. The same build always
 * gives the same mix.
 */
public final class Mix {
    public static final int SIZE = 1024;
    static final Map<Disposition, Double> SHARES = Map.of(
            Disposition.SELF_CARE, 0.70, Disposition.ROUTINE, 0.15, Disposition.URGENT, 0.10, Disposition.EMERGENCY, 0.05);

    /** One intake of the mix, with the JSON it was read from. */
    public record Item(String file, byte[] json, Intake intake, Disposition disposition) {
    }

    private Mix() {
    }

    /** The distinct intakes the mix is made from. */
    public static List<Item> distinct() {
        Oracle plain = Oracle.of(Thresholds.defaults());
        ObjectMapper mapper = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        try {
            for (Path p : files("mix/samples")) {
                byte[] json = Files.readAllBytes(p);
                items.add(item("samples/" + p.getFileName(), json, plain));
            }
            for (Path p : files("mix/cases")) {
                JsonNode c = mapper.readTree(Files.readAllBytes(p));
                if (c.has("thresholds")) {
                    continue;
                }
                items.add(item("cases/" + p.getFileName(), mapper.writeValueAsBytes(c.get("intake")), plain));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    private static Item item(String name, byte[] json, Oracle plain) {
        Intake intake = DorsalJson.readIntake(json);
        return new Item(name, json, intake, plain.assess(intake).disposition());
    }

    /** The weighted, shuffled mix of {@value #SIZE} slots. */
    public static List<Item> weighted() {
        Map<Disposition, List<Item>> by = new EnumMap<>(Disposition.class);
        for (Item i : distinct()) {
            by.computeIfAbsent(i.disposition(), d -> new ArrayList<>()).add(i);
        }
        List<Item> mix = new ArrayList<>(SIZE);
        for (Disposition d : Disposition.values()) {
            List<Item> group = by.get(d);
            int slots = d == Disposition.SELF_CARE ? 0 : (int) Math.round(SHARES.get(d) * SIZE);
            for (int i = 0; i < slots; i++) {
                mix.add(group.get(i % group.size()));
            }
        }
        List<Item> selfCare = by.get(Disposition.SELF_CARE);
        for (int i = 0; mix.size() < SIZE; i++) {
            mix.add(selfCare.get(i % selfCare.size()));
        }
        Collections.shuffle(mix, new Random(20_250_101L));
        return List.copyOf(mix);
    }

    private static List<Path> files(String dir) throws IOException {
        URI uri;
        try {
            uri = Mix.class.getClassLoader().getResource(dir).toURI();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("the benchmark mix is not on the class path: " + dir, e);
        }
        Path root;
        if (uri.getScheme().equals("jar")) {
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            root = fs.getPath(dir);
        } else {
            root = Path.of(uri);
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
