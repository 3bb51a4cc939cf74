import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A real Neo4j Community DBMS for qingdan's development and CI, started in-process with a Bolt
 * connector so that the Python driver talks to it exactly as to a production server.
 *
 * <p>Usage: {@code java [flags] -cp CLASSPATH Launcher HOME_DIR} (tools/neo4j/up.sh does this).
 *
 * <ul>
 *   <li>Bolt listens on 127.0.0.1 only, port from env QINGDAN_NEO4J_PORT (default 7687).
 *   <li>Authentication is DISABLED: this is a loopback-only, throw-away development instance.
 *       Never expose it on another interface.
 *   <li>Page cache in MiB from env QINGDAN_NEO4J_PAGECACHE_MB (default 256); heap is set by up.sh (-Xmx).
 *   <li>LOAD CSV may not read files ({@code file:} URLs refused): embedded without this, it read
 *       any file of the machine by absolute path as the JVM's user, to anyone who can reach Bolt;
 *       qingdan loads through Bolt and never reads files on the server.
 *   <li>SIGTERM / SIGINT run a shutdown hook that shuts the DBMS down cleanly (checkpoint, close
 *       stores), so data under HOME_DIR survives restarts.
 * </ul>
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Launcher HOME_DIR");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home);
        int port = Integer.parseInt(env("QINGDAN_NEO4J_PORT", "7687"));
        long pageCacheMb = Long.parseLong(env("QINGDAN_NEO4J_PAGECACHE_MB", "256"));

        long t0 = System.nanoTime();
        System.out.printf("qingdan-neo4j: starting Neo4j in %s (Bolt 127.0.0.1:%d, auth disabled)%n", home, port);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                // keep the dev instance's transaction logs small
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // Bolt waits 5 s + 5 s for connections/threads at shutdown by default; a dev
                // instance has nothing worth waiting for (tools/neo4j/down.sh is then ~1-2 s)
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .build();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("qingdan-neo4j: shutting down");
            try {
                dbms.shutdown();
                System.out.println("qingdan-neo4j: stopped cleanly");
            } catch (Throwable e) {
                System.err.println("qingdan-neo4j: error during shutdown: " + e);
            }
            System.out.flush();
        }, "qingdan-neo4j-shutdown"));

        System.out.printf("qingdan-neo4j: Neo4j %s ready on bolt://127.0.0.1:%d after %.1f s%n",
                neo4jVersion(), port, (System.nanoTime() - t0) / 1e9);
        System.out.flush();

        // Keep the JVM alive until it is signalled; the shutdown hook does the rest.
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static String neo4jVersion() {
        Package p = DatabaseManagementService.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "(unknown version)" : v;
    }
}
