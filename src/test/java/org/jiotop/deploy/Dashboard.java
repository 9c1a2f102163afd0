package org.jiotop.deploy;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Grafana dashboard under deploy/ holds that its tests check: its template variables
 * (name to type) and every panel's PromQL queries, and the queries with the variables filled in
 * as Grafana would.
 */
public record Dashboard(Map<String, String> variables, List<String> queries, List<String> datasources) {
    public static final Path FILE = Path.of("deploy", "grafana", "jiotop-dashboard.json");

    public static Dashboard read() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> queries = new ArrayList<>();
        List<String> datasources = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), Files.readString(FILE))) {
            List<String> path = new ArrayList<>();
            String name = null;
            String type = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> path.add(p.currentName() == null ? "" : p.currentName());
                    case END_OBJECT, END_ARRAY -> {
                        path.removeLast();
                        if (t == JsonToken.END_OBJECT && name != null && path.contains("templating")
                                && path.getLast().equals("list")) {
                            variables.put(name, type);
                            name = null;
                            type = null;
                        }
                    }
                    case VALUE_STRING -> {
                        String field = p.currentName() == null ? "" : p.currentName();
                        boolean inVariable = path.contains("templating") && path.getLast().equals("");
                        if (field.equals("expr")) {
                            queries.add(p.getString());
                        } else if (field.equals("uid") && path.getLast().equals("datasource")) {
                            datasources.add(p.getString());
                        } else if (inVariable && field.equals("name")) {
                            name = p.getString();
                        } else if (inVariable && field.equals("type")) {
                            type = p.getString();
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return new Dashboard(variables, queries, datasources);
    }

    /** {@code query} as Grafana sends it with every job and instance chosen. */
    public static String substituted(String query, String rateInterval) {
        return query.replace("$__rate_interval", rateInterval).replace("$topn", "10").replace("$job", ".*")
                .replace("$instance", ".*");
    }
}
