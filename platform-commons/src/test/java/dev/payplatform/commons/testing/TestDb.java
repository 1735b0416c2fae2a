package dev.payplatform.commons.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC reads and writes of a service's test database ({@code <service>_test}, role and
 * password = the service's name, as {@code deploy/local/platform up} creates them), independent of
 * the service under test: what a test asserts about rows is what PostgreSQL holds.
 */
public final class TestDb {
  private final String database;
  private final String user;

  private TestDb(String database, String user) {
    this.database = database;
    this.user = user;
  }

  /** The test database of {@code service} ({@code checkout} → {@code checkout_test}). */
  public static TestDb forService(String service) {
    return new TestDb(service + "_test", service);
  }

  public Connection connect() throws SQLException {
    // Asked each time: the server is known only once the test resource has started.
    String url = "jdbc:postgresql://" + TestInfrastructure.postgresAddress() + "/" + database;
    return DriverManager.getConnection(url, user, user);
  }

  /** The first column of the first row as a number (a {@code count(*)}); null counts as 0. */
  public long count(String sql, Object... args) {
    List<Map<String, Object>> rows = rows(sql, args);
    Object v = rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    return v == null ? 0 : ((Number) v).longValue();
  }

  /**
   * The first column of the first row in PostgreSQL's text form (a timestamp as {@code 2026-01-31
   * 12:00:00+00}), or null when there is no row or it is null.
   */
  public String text(String sql, Object... args) {
    List<String> values = column(sql, args);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The first column of every row, in PostgreSQL's text form. */
  public List<String> column(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first row, or null. */
  public Map<String, Object> row(String sql, Object... args) {
    List<Map<String, Object>> rows = rows(sql, args);
    return rows.isEmpty() ? null : rows.get(0);
  }

  public List<Map<String, Object>> rows(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      List<Map<String, Object>> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public int update(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }
}
