// npm test's pretest: the replica tests start a real redis-server (Debian's package) on a loopback port.
// If it is missing, install it where the project can (Debian/Ubuntu as root, or with passwordless sudo);
// elsewhere say exactly what to install. Nothing is started here.
import { execFileSync } from "node:child_process";

const has = (cmd) => {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

if (!has("redis-server")) {
  const root = process.getuid?.() === 0;
  const sudo = !root && has("sudo") ? ["sudo", "-n"] : [];
  if (process.platform === "linux" && has("apt-get") && (root || sudo.length)) {
    console.error("pretest: installing Debian's redis-server for the replica tests (apt-get)...");
    const run = (args) =>
      execFileSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), {
        stdio: ["ignore", "ignore", "inherit"],
      });
    run(["apt-get", "update", "-qq"]);
    run(["apt-get", "install", "-y", "-qq", "redis-server"]);
  } else {
    console.error(
      "pretest: the replica tests need redis-server on PATH (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis).",
    );
    process.exit(1);
  }
}
