/** Which ReturnDesk this is: the first thing someone helping over the phone asks. */
export function AppVersion() {
  return <p className="app-version">ReturnDesk version {__APP_VERSION__}</p>;
}
