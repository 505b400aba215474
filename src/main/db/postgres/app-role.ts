// The database role the counters connect as, on a store's PostgreSQL (docs/SECURITY.md, "A
// shared PostgreSQL"): data only, no DDL. Run by the schema's owner after the migrations.

/** Where the app deletes rows: an agent's skills, a cleared throttle, the triggers' search text. */
export const APP_DELETES_FROM = ['agent_skills', 'sign_in_throttle', 'cases_fts'] as const;

/** The grants that make `role` the app's role, as statements to run in the desk's database. */
export function appRoleGrants(role: string): string[] {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`role ${role} is not a plain identifier`);
  return [
    `REVOKE ALL ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `REVOKE INSERT, UPDATE ON schema_migrations FROM ${role}`,
    `GRANT DELETE ON ${APP_DELETES_FROM.join(', ')} TO ${role}`,
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
  ];
}
