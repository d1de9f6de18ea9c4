package ke.baraza.directory.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ke.baraza.directory.MembershipStatus;
import ke.baraza.directory.OrganisationType;
import ke.baraza.platform.Contacts;
import ke.baraza.platform.TabularFiles.Row;
import ke.baraza.platform.TabularFiles.Table;

/**
 * What importing a list into a body does, row by row, against the county's directory as it stands.
 * Planning changes nothing: the preview shows the plan and the import carries it out, so what the
 * coordinator saw is what happens. Rows are planned in file order and later rows see what earlier
 * ones would create, so a person listed twice is one person.
 *
 * <p>Matching: an organisation by its name (compared as {@link OrganisationDetails#key}) among the
 * county's; where several share the name the row's ward decides, else the row is refused as
 * ambiguous rather than guessed. A person by e-mail or phone among the county's live people, else
 * by name among the people of the matched organisation; else a new person. Nothing already in the
 * directory is overwritten: an import adds people, organisations, links and memberships.
 */
public final class ImportPlan {

  /** A reason a row cannot be imported: a message key and its arguments. */
  public record Problem(String key, List<String> args) {

    static Problem of(String key, String... args) {
      return new Problem(key, List.of(args));
    }
  }

  /** What a row does to one kind of record. */
  public enum Action {
    NEW,
    EXISTING,
    NONE;

    public String messageKey() {
      return "import.action." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What a row does to the membership of its organisation in the body. */
  public enum MembershipAction {
    ADMIT,
    APPROVE,
    ALREADY_MEMBER,
    LEFT_UNCHANGED;

    public String messageKey() {
      return "import.membership." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One planned row. Ids are the directory's; a negative id stands for a record an earlier row of
   * this plan creates.
   */
  public record RowPlan(
      int row,
      List<Problem> problems,
      String organisation,
      long organisationId,
      Action organisationAction,
      OrganisationType type,
      String wardCode,
      String person,
      long personId,
      Action personAction,
      String email,
      String phone,
      String title,
      boolean newLink,
      MembershipAction membership,
      MembershipStatus leftStatus) {

    public boolean valid() {
      return problems.isEmpty();
    }

    /** Whether importing the row changes anything. */
    public boolean changes() {
      return valid()
          && (organisationAction == Action.NEW
              || personAction == Action.NEW
              || newLink
              || membership == MembershipAction.ADMIT
              || membership == MembershipAction.APPROVE);
    }
  }

  /** The county's directory as the planner needs it, loaded in a fixed number of queries. */
  record Snapshot(
      Map<String, List<OrganisationRef>> organisationsByName,
      Map<String, Long> peopleByEmail,
      Map<String, Long> peopleByPhone,
      Map<Long, Map<String, Long>> peopleByOrganisationAndName,
      Set<List<Long>> links,
      Map<Long, MembershipStatus> memberships,
      Map<String, String> wards,
      Map<String, OrganisationType> types) {}

  record OrganisationRef(long id, String homeWardCode) {}

  static final int MAX_ORGANISATION_NAME = 200;

  private final List<RowPlan> rows;
  private final Map<String, Integer> counts;

  private ImportPlan(List<RowPlan> rows) {
    this.rows = List.copyOf(rows);
    this.counts = tally(this.rows);
  }

  public List<RowPlan> rows() {
    return rows;
  }

  /**
   * Rows {@code valid}, {@code invalid} and {@code unchanged}, and records that would be new:
   * {@code organisations}, {@code people}, {@code members}.
   */
  public int count(String what) {
    return counts.getOrDefault(what, 0);
  }

  private static Map<String, Integer> tally(List<RowPlan> rows) {
    Map<String, Integer> counts = new HashMap<>();
    for (RowPlan r : rows) {
      counts.merge(r.valid() ? "valid" : "invalid", 1, Integer::sum);
      if (!r.valid()) {
        continue;
      }
      if (!r.changes()) {
        counts.merge("unchanged", 1, Integer::sum);
      }
      if (r.organisationAction() == Action.NEW) {
        counts.merge("organisations", 1, Integer::sum);
      }
      if (r.personAction() == Action.NEW) {
        counts.merge("people", 1, Integer::sum);
      }
      if (r.membership() == MembershipAction.ADMIT || r.membership() == MembershipAction.APPROVE) {
        counts.merge("members", 1, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * Plans {@code table} read with {@code mapping} (one field per column, {@link ImportField#IGNORE}
   * past its end) against {@code snapshot}, which is not changed.
   */
  static ImportPlan of(Table table, List<ImportField> mapping, Snapshot snapshot) {
    Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
    for (int i = 0; i < mapping.size() && i < table.header().size(); i++) {
      if (mapping.get(i) != ImportField.IGNORE) {
        columns.putIfAbsent(mapping.get(i), i);
      }
    }
    Planner planner = new Planner(columns, snapshot);
    List<RowPlan> plans = new ArrayList<>(table.rows().size());
    for (Row row : table.rows()) {
      plans.add(planner.plan(row));
    }
    return new ImportPlan(plans);
  }

  /** The plan of nothing, while the mapping has problems. */
  static ImportPlan empty() {
    return new ImportPlan(List.of());
  }

  /** Problems with the mapping itself, before any row is read. */
  static List<Problem> mappingProblems(List<ImportField> mapping) {
    List<Problem> problems = new ArrayList<>();
    if (!mapping.contains(ImportField.ORGANISATION)) {
      problems.add(Problem.of("import.mapping.no-organisation"));
    }
    Set<ImportField> seen = new HashSet<>();
    for (ImportField field : mapping) {
      if (field != ImportField.IGNORE && !seen.add(field)) {
        problems.add(Problem.of("import.mapping.twice"));
      }
    }
    if (mapping.contains(ImportField.FULL_NAME)
        && (mapping.contains(ImportField.FIRST_NAME) || mapping.contains(ImportField.LAST_NAME))) {
      problems.add(Problem.of("import.mapping.names"));
    }
    return problems;
  }

  private static final class Planner {

    private final Map<ImportField, Integer> columns;
    private final Snapshot s;
    private final Map<String, List<OrganisationRef>> organisations;
    private final Map<String, Long> byEmail;
    private final Map<String, Long> byPhone;
    private final Map<Long, Map<String, Long>> byOrganisationAndName;
    private final Set<List<Long>> links;
    private final Map<Long, MembershipStatus> memberships;
    private long nextNew = -1;

    Planner(Map<ImportField, Integer> columns, Snapshot snapshot) {
      this.columns = columns;
      this.s = snapshot;
      this.organisations = new HashMap<>();
      snapshot.organisationsByName().forEach((k, v) -> organisations.put(k, new ArrayList<>(v)));
      this.byEmail = new HashMap<>(snapshot.peopleByEmail());
      this.byPhone = new HashMap<>(snapshot.peopleByPhone());
      this.byOrganisationAndName = new HashMap<>();
      snapshot
          .peopleByOrganisationAndName()
          .forEach((k, v) -> byOrganisationAndName.put(k, new HashMap<>(v)));
      this.links = new HashSet<>(snapshot.links());
      this.memberships = new HashMap<>(snapshot.memberships());
    }

    private String cell(Row row, ImportField field) {
      Integer column = columns.get(field);
      return column == null ? "" : Input.clean(row.cell(column));
    }

    RowPlan plan(Row row) {
      List<Problem> problems = new ArrayList<>();
      String organisation = cell(row, ImportField.ORGANISATION);
      String orgKey = OrganisationDetails.key(organisation);
      if (orgKey.isEmpty()) {
        problems.add(Problem.of("import.row.no-organisation"));
      } else if (organisation.length() > MAX_ORGANISATION_NAME) {
        problems.add(Problem.of("import.row.organisation-too-long"));
      }
      String wardCell = cell(row, ImportField.WARD);
      String ward = null;
      if (!wardCell.isEmpty()) {
        ward = s.wards().get(OrganisationDetails.key(wardCell));
        if (ward == null) {
          problems.add(Problem.of("import.row.ward-unknown", wardCell));
        }
      }
      String typeCell = cell(row, ImportField.ORGANISATION_TYPE);
      OrganisationType type = OrganisationType.CSO;
      if (!typeCell.isEmpty()) {
        type = s.types().get(OrganisationDetails.key(typeCell));
        if (type == null) {
          problems.add(Problem.of("import.row.type-unknown", typeCell));
        }
      }
      String name = cell(row, ImportField.FULL_NAME);
      if (name.isEmpty()) {
        name = (cell(row, ImportField.FIRST_NAME) + " " + cell(row, ImportField.LAST_NAME)).strip();
      }
      String emailCell = cell(row, ImportField.EMAIL);
      String email = null;
      if (!emailCell.isEmpty()) {
        email = Contacts.email(emailCell).orElse(null);
        if (email == null) {
          problems.add(Problem.of("import.row.email-invalid", emailCell));
        }
      }
      String phoneCell = cell(row, ImportField.PHONE);
      String phone = null;
      if (!phoneCell.isEmpty()) {
        phone = Contacts.kenyanPhone(phoneCell).orElse(null);
        if (phone == null) {
          problems.add(Problem.of("import.row.phone-invalid", phoneCell));
        }
      }
      String title = cell(row, ImportField.JOB_TITLE);
      if (title.length() > PersonService.MAX_TITLE) {
        problems.add(Problem.of("import.row.title-too-long"));
      }
      boolean hasPerson = !name.isEmpty() || !emailCell.isEmpty() || !phoneCell.isEmpty();
      if (hasPerson && name.isEmpty()) {
        problems.add(Problem.of("import.row.no-name"));
      } else if (name.length() > PersonService.MAX_NAME) {
        problems.add(Problem.of("import.row.name-too-long"));
      }
      Long emailMatch = email == null ? null : byEmail.get(email);
      Long phoneMatch = phone == null ? null : byPhone.get(phone);
      if (emailMatch != null && phoneMatch != null && !emailMatch.equals(phoneMatch)) {
        problems.add(Problem.of("import.row.contacts-differ", emailCell, phoneCell));
      }
      Optional<OrganisationRef> matched = Optional.empty();
      if (!orgKey.isEmpty()) {
        List<OrganisationRef> named = organisations.getOrDefault(orgKey, List.of());
        String inWard = ward;
        List<OrganisationRef> candidates =
            named.size() > 1 && inWard != null
                ? named.stream().filter(o -> inWard.equals(o.homeWardCode())).toList()
                : named;
        if (candidates.size() > 1) {
          problems.add(Problem.of("import.row.organisation-ambiguous", organisation));
        } else if (candidates.size() == 1) {
          matched = Optional.of(candidates.getFirst());
        }
      }
      if (!problems.isEmpty()) {
        return new RowPlan(
            row.number(),
            problems,
            organisation,
            0,
            Action.NONE,
            type,
            ward,
            name,
            0,
            Action.NONE,
            email,
            phone,
            title,
            false,
            null,
            null);
      }

      long orgId;
      Action orgAction;
      if (matched.isPresent()) {
        orgId = matched.get().id();
        orgAction = Action.EXISTING;
      } else {
        orgId = nextNew--;
        orgAction = Action.NEW;
        organisations
            .computeIfAbsent(orgKey, k -> new ArrayList<>())
            .add(new OrganisationRef(orgId, ward));
      }

      long personId = 0;
      Action personAction = Action.NONE;
      boolean newLink = false;
      if (hasPerson) {
        String nameKey = OrganisationDetails.key(name);
        Long found = emailMatch != null ? emailMatch : phoneMatch;
        if (found == null) {
          found = byOrganisationAndName.getOrDefault(orgId, Map.of()).get(nameKey);
        }
        if (found != null) {
          personId = found;
          personAction = Action.EXISTING;
        } else {
          personId = nextNew--;
          personAction = Action.NEW;
        }
        if (email != null) {
          byEmail.putIfAbsent(email, personId);
        }
        if (phone != null) {
          byPhone.putIfAbsent(phone, personId);
        }
        newLink = links.add(List.of(personId, orgId));
        byOrganisationAndName
            .computeIfAbsent(orgId, k -> new HashMap<>())
            .putIfAbsent(nameKey, personId);
      }

      MembershipStatus current = memberships.get(orgId);
      MembershipAction membership;
      MembershipStatus left = null;
      if (current == null) {
        membership = MembershipAction.ADMIT;
      } else if (current == MembershipStatus.APPLIED) {
        membership = MembershipAction.APPROVE;
      } else if (current == MembershipStatus.ACTIVE) {
        membership = MembershipAction.ALREADY_MEMBER;
      } else {
        membership = MembershipAction.LEFT_UNCHANGED;
        left = current;
      }
      if (membership == MembershipAction.ADMIT || membership == MembershipAction.APPROVE) {
        memberships.put(orgId, MembershipStatus.ACTIVE);
      }
      return new RowPlan(
          row.number(),
          List.of(),
          organisation,
          orgId,
          orgAction,
          type,
          ward,
          name,
          personId,
          personAction,
          email,
          phone,
          title,
          newLink,
          membership,
          left);
    }
  }
}
