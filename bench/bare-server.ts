// The ceiling for the HTTP figures: Fastify with one JSON route and nothing else.
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/bare", async () => ({ status: "ok" }));
await app.listen({ port: Number(process.argv[2] ?? 3901), host: "127.0.0.1" });
process.stdout.write("ready\n");
