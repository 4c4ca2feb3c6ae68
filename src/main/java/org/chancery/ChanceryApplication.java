package org.chancery;

import org.chancery.shared.logging.ConsoleOutput;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ChanceryApplication {

    public static void main(String[] args) {
        ConsoleOutput.writeInGroups();
        SpringApplication.run(ChanceryApplication.class, args);
    }
}
