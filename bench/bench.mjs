// `npm run bench`: CPU per call of the component (bench/calls.mjs); `npm run bench -- fleet`:
// the fleet view on 100 emulated servers in Chromium (bench/fleet.mjs). Neither is part of
// `npm test`: timings are noisy. `-- --write` puts the figures into docs/size-and-speed.md.
await import(process.argv[2] === "fleet" ? "./fleet.mjs" : "./calls.mjs");
