package io.wecomsync.infra.embedded;

/** JDBC URLs with the driver settings every wecom-sync service expects. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    public static String mysql(String host, int port, String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database
                + "?useUnicode=true&characterEncoding=utf8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&rewriteBatchedStatements=true&allowPublicKeyRetrieval=true&useSSL=false";
    }
}
