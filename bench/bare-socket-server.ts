// The ceiling for the broadcast figures: a bare Socket.IO server that broadcasts on request.
import { createServer } from "node:http";
import { Server } from "socket.io";

const http = createServer();
const io = new Server(http, { serveClient: false });
io.of("/bare").on("connection", (s) => void s.join("all"));
process.on("message", (m: { op: string; n: number }) => {
  if (m.op === "broadcast") io.of("/bare").to("all").emit("bare", m.n);
});
http.listen(Number(process.argv[2]), "127.0.0.1", () => process.send!({ op: "ready" }));
