package com.example.greeting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class GreetingApplication {

    /** Extra work per greeting in milliseconds: 0 as shipped; the IT raises it to ship a slowdown. */
    @Value("${greeting.work-ms:0}")
    private long workMs;

    @GetMapping("/api/greeting")
    public String greeting(@RequestParam String name) throws InterruptedException {
        if (workMs > 0) {
            Thread.sleep(workMs);
        }
        return "Hello, " + name + "!";
    }

    public static void main(String[] args) {
        SpringApplication.run(GreetingApplication.class, args);
    }
}
