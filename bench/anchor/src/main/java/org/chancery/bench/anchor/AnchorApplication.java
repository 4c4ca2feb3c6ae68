package org.chancery.bench.anchor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One GET answering a small fixed JSON object, about the size of a country's answer. */
@SpringBootApplication
@RestController
public class AnchorApplication {

    /** The answer: a few short fields, as a country lookup answers. */
    record Country(String code, String alpha3, String numeric, String name, String startedOn, String endedOn,
            boolean former, long version) {
    }

    private static final Country FRANCE = new Country("FR", "FRA", "250", "France", null, null, false, 0);

    public static void main(String[] args) {
        SpringApplication.run(AnchorApplication.class, args);
    }

    @GetMapping("/anchor")
    Country anchor() {
        return FRANCE;
    }
}
