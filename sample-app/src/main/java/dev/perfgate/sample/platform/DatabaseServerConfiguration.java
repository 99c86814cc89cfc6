package dev.perfgate.sample.platform;

import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import org.h2.tools.Server;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database as a server that the app reaches over TCP (loopback, inside the container), as it
 * would reach PostgreSQL in production: every query is a round trip, so an N+1 query pattern costs
 * what it costs in production rather than an in-process method call. Only local connections are accepted.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseServerConfiguration {

    static final String BEAN = "databaseServer";

    @Bean(name = BEAN, initMethod = "start", destroyMethod = "stop")
    static Server databaseServer(@Value("${database.port}") int port) throws SQLException {
        return Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists");
    }

    /** The connection pool starts after the server it connects to. */
    @Bean
    static BeanFactoryPostProcessor dataSourcesAfterTheDatabaseServer() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                String[] withServer = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                withServer[dependsOn.length] = BEAN;
                definition.setDependsOn(withServer);
            }
        };
    }
}
