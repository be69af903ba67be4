/**
 * `npm run sandbox`: all four vendor sandboxes on fixed loopback ports with seeded data, for
 * trying the nodes in a local n8n. Prints the values to enter in each credential. Ctrl+C stops.
 * Ports can be changed with SANDBOX_3CX_PORT, SANDBOX_CLOUDONIX_PORT, SANDBOX_OPENVOX_PORT and
 * SANDBOX_SIPXCOM_PORT.
 */
import { createCloudonixSandbox } from '../dev/sandbox/cloudonix';
import { createOpenVoxSandbox } from '../dev/sandbox/openvox';
import { seedMigrationAudit, seedNightlySync } from '../dev/sandbox/scenarios';
import { createSipXcomSandbox } from '../dev/sandbox/sipxcom';
import { createThreeCxSandbox } from '../dev/sandbox/threecx';

export const SANDBOX_PORTS = {
	threeCx: Number(process.env.SANDBOX_3CX_PORT ?? 5001),
	cloudonix: Number(process.env.SANDBOX_CLOUDONIX_PORT ?? 5002),
	openVox: Number(process.env.SANDBOX_OPENVOX_PORT ?? 9011),
	sipXcom: Number(process.env.SANDBOX_SIPXCOM_PORT ?? 8443),
};

function block(title: string, rows: Array<[string, unknown]>) {
	console.log(`\n${title}`);
	for (const [label, value] of rows) console.log(`  ${label.padEnd(22)} ${String(value)}`);
}

/** The four sandboxes with the seeded data this command serves (also used by `npm run test:editor`). */
export function seededSandboxes() {
	const threeCx = createThreeCxSandbox();
	const cloudonix = createCloudonixSandbox();
	const openVox = createOpenVoxSandbox({ seed: 20 });
	const sipXcom = createSipXcomSandbox({ tls: true, users: 0, phones: 4 });
	seedNightlySync(threeCx, cloudonix);
	seedMigrationAudit(sipXcom, threeCx);
	return { threeCx, cloudonix, openVox, sipXcom };
}

async function main() {
	const { threeCx, cloudonix, openVox, sipXcom } = seededSandboxes();
	await threeCx.server.start(SANDBOX_PORTS.threeCx);
	await cloudonix.server.start(SANDBOX_PORTS.cloudonix);
	await openVox.server.start(SANDBOX_PORTS.openVox);
	await sipXcom.server.start(SANDBOX_PORTS.sipXcom);

	console.log('PBX sandboxes are running on 127.0.0.1 (loopback only). Press Ctrl+C to stop them.');
	console.log('Create these credentials in n8n (Credentials → Add credential):');
	const tx = threeCx.credentials();
	block(`3CX API — ${threeCx.state.users.size} users, extensions 100–159`, [
		['PBX URL', tx.url],
		['Client ID', tx.clientId],
		['Client Secret', tx.clientSecret],
	]);
	const cx = cloudonix.credentials();
	block(`Cloudonix API — ${cloudonix.state.subscribers.size} subscribers (40 of the 3CX extensions, drifted; 5 orphans; 2 DIDs)`, [
		['API Key', cx.apiKey],
		['Domain', cx.domain],
		['API Base URL', cx.baseUrl],
	]);
	const ox = openVox.credentials();
	block(`OpenVox API — ${openVox.state.extensions.size} extensions, 1000–1019 (5 wrong logins lock you out for 10 minutes)`, [
		['PBX API URL', ox.url],
		['API Username', ox.username],
		['API Password', ox.password],
		['Event Report Port', ox.reportPort],
	]);
	const sx = sipXcom.credentials();
	block(`sipXcom API — ${sipXcom.state.users.size} users, 130–179 (130–159 also on 3CX); ${sipXcom.state.phones.size} phones`, [
		['Server URL', sx.serverUrl],
		['Username', sx.username],
		['Password', sx.password],
		['Ignore SSL Issues', 'on (the sandbox uses a self-signed certificate)'],
	]);
	console.log('\nThen import a workflow from examples/ and pick these credentials in its nodes.');

	const stop = async () => {
		await Promise.all([threeCx, cloudonix, openVox, sipXcom].map((s) => s.server.stop()));
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
