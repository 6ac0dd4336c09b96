package io.wecomsync.mdm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MdmServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MdmServiceApplication.class, args);
    }
}
