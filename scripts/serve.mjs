// Serves the built app (what `next start` does) and tells it the TCP peer of each request in
// `x-tablesync-peer`, overwriting whatever a client sent. Next itself only fills
// `X-Forwarded-For` when the client did not, so without this a client could name its own
// address; lib/http/client-address.ts reads this header (and `X-Forwarded-For` only with
// TRUST_PROXY). Plain JavaScript so production runs it with no TypeScript loader.
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  req.headers["x-tablesync-peer"] = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(`Tablesync ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});
