import { spawn } from "node:child_process";

// Run a command without blocking this process's event loop (the embedded database may be
// serving from it). `quiet` collects output and prints it only on failure.
export function runCommand(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: options.env ?? process.env, stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) return resolve();
      process.stderr.write(output);
      reject(new Error(`${cmd} ${args.join(" ")} failed with exit code ${code}`));
    });
  });
}
