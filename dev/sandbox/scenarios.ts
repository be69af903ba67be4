/**
 * Seeded data that tells a story, shared by the flagship example's test, `npm run demo` and
 * `npm run sandbox`: a 3CX PBX whose extensions were partly provisioned into a Cloudonix
 * domain some time ago, and have drifted since.
 */
import type { CloudonixSandbox } from './cloudonix';
import type { SipXcomSandbox } from './sipxcom';
import type { ThreeCxSandbox, ThreeCxUser } from './threecx';

export interface NightlySyncExpectation {
	localOnly: string[];
	remoteOnly: string[];
	synced: string[];
	changed: string[];
}

/** DIDs (phone numbers) that live in the same Cloudonix domain and are not extensions. */
export const DOMAIN_DIDS = ['14155550100', '14155550101'];

/**
 * 3CX: 60 users, extensions 100–159. Cloudonix: the first 40 of them, 6 renamed since and 2 with
 * the opposite enabled state, plus 5 subscribers whose 3CX extension is gone and 2 DIDs.
 */
export function seedNightlySync(threeCx: ThreeCxSandbox, cloudonix: CloudonixSandbox): NightlySyncExpectation {
	const users: ThreeCxUser[] = threeCx.seedUsers(60, 100);
	const renamed = new Set([103, 108, 113, 121, 129, 134]);
	const flipped = new Set([105, 117]);
	const provisioned = users.slice(0, 40);
	for (const user of provisioned) {
		const number = Number(user.Number);
		const name = renamed.has(number) ? `${user.FirstName} (old name)` : `${user.FirstName} ${user.LastName}`;
		const active = flipped.has(number) ? !user.Enabled : user.Enabled;
		cloudonix.add(user.Number, `Seed-${user.Number}-Pw9x`, { displayName: name }, active);
	}
	const orphans = ['190', '191', '192', '193', '194'];
	orphans.forEach((number, i) => cloudonix.add(number, `Orphan-${number}-Pw7k`, { displayName: `Former Employee ${i + 1}` }));
	for (const did of DOMAIN_DIDS) cloudonix.add(did, `Trunk-${did.slice(-4)}-Pw5q`, {});

	const changed = provisioned.map((u) => u.Number).filter((n) => renamed.has(Number(n)) || flipped.has(Number(n)));
	return {
		localOnly: users.slice(40).map((u) => u.Number),
		remoteOnly: orphans,
		synced: provisioned.map((u) => u.Number).filter((n) => !changed.includes(n)),
		changed,
	};
}

/** Two call queues and a ring group on the seeded 3CX, so their pickers and operations have something to show. */
export function seedCallGroups(threeCx: ThreeCxSandbox): void {
	threeCx.addQueue({ Name: 'Support', Number: '800', agents: ['100', '101', '102'] });
	threeCx.addRingGroup({ Name: 'Reception', Number: '801', members: ['100', '105'] });
	threeCx.addQueue({ Name: 'Sales', Number: '802', agents: ['103', '104'] });
}

/** Sandbox data as JSON, so the demo can pick up where its last run left off. */
export interface SandboxSnapshot {
	threeCx: { users: ThreeCxUser[]; nextId: number };
	cloudonix: { subscribers: ReturnType<CloudonixSandbox['list']>; nextId: number };
}

export function snapshot(threeCx: ThreeCxSandbox, cloudonix: CloudonixSandbox): SandboxSnapshot {
	return {
		threeCx: { users: [...threeCx.state.users.values()], nextId: threeCx.state.nextId },
		cloudonix: { subscribers: cloudonix.list(), nextId: cloudonix.state.nextId },
	};
}

export function restore(threeCx: ThreeCxSandbox, cloudonix: CloudonixSandbox, data: SandboxSnapshot): void {
	threeCx.state.users.clear();
	for (const user of data.threeCx.users) threeCx.state.users.set(user.Id, user);
	threeCx.state.nextId = data.threeCx.nextId;
	cloudonix.state.subscribers.clear();
	for (const subscriber of data.cloudonix.subscribers) cloudonix.state.subscribers.set(subscriber.id, subscriber);
	cloudonix.state.nextId = data.cloudonix.nextId;
}

/**
 * sipXcom users for a migration audit against the 3CX users already seeded: extensions
 * 130–159 exist on both (every fifth with a different name, every seventh with a different
 * e-mail), 160–179 only on sipXcom. Call after the 3CX users are seeded.
 */
export function seedMigrationAudit(sipXcom: SipXcomSandbox, threeCx: ThreeCxSandbox): void {
	const byNumber = new Map([...threeCx.state.users.values()].map((u) => [u.Number, u]));
	for (let number = 130; number < 180; number++) {
		const user = byNumber.get(String(number));
		const id = sipXcom.state.nextUserId++;
		const firstName = user ? (number % 5 === 0 ? `${user.FirstName}-Marie` : user.FirstName) : `Legacy${number}`;
		const lastName = user ? user.LastName : 'User';
		const email = user && number % 7 !== 0 ? user.EmailAddress : `legacy.${number}@old.example.com`;
		sipXcom.state.users.set(id, {
			id,
			userName: String(number),
			firstName,
			lastName,
			emailAddress: email,
			pin: String(4000 + number),
			sipPassword: `sipx-${number}-secret`,
			groupIds: [],
			aliases: [`${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.-]/g, '')],
			permissions: ['Voicemail'],
		});
	}
}

/**
 * The small realistic mix examples/sipxcom-to-3cx-migration-audit.json is tested with (paging
 * has its own tests): on both PBXs 200 (only the e-mail's case differs), 201 (name differs),
 * 202 (e-mail differs), 204 (no e-mail); only on sipXcom 203 and 207; only on 3CX 300 and 301.
 */
export function seedMigrationAuditSample(sipXcom: SipXcomSandbox, threeCx: ThreeCxSandbox): void {
	const sipXcomUser = (userName: string, firstName: string, lastName: string, emailAddress?: string) => {
		const id = sipXcom.state.nextUserId++;
		sipXcom.state.users.set(id, {
			id,
			userName,
			firstName,
			lastName,
			emailAddress,
			pin: '1234',
			sipPassword: `sip-secret-${id}`,
			groupIds: [],
			aliases: [],
			permissions: ['Voicemail'],
		});
	};
	const threeCxUser = (number: string, firstName: string, lastName: string, email: string) => {
		const [user] = threeCx.seedUsers(1, Number(number));
		Object.assign(user, { FirstName: firstName, LastName: lastName, DisplayName: `${firstName} ${lastName}`, EmailAddress: email });
	};
	sipXcomUser('200', 'Ann', 'Lee', 'ann.lee@example.com');
	sipXcomUser('201', 'Ben', 'Ortiz', 'ben.ortiz@example.com');
	sipXcomUser('202', 'Cara', 'Diaz', 'cara@example.com');
	sipXcomUser('203', 'Dan', 'Fox', 'dan.fox@example.com');
	sipXcomUser('204', 'Eve', 'Gray'); // no email on either PBX
	sipXcomUser('207', 'Hal', 'Moss', 'hal.moss@example.com');

	threeCxUser('200', 'Ann', 'Lee', 'Ann.Lee@Example.com'); // only the case differs: migrated
	threeCxUser('201', 'Benjamin', 'Ortiz', 'ben.ortiz@example.com'); // name differs
	threeCxUser('202', 'Cara', 'Diaz', 'cara.diaz@example.com'); // email differs
	threeCxUser('204', 'Eve', 'Gray', '');
	threeCxUser('300', 'Ivy', 'North', 'ivy.north@example.com');
	threeCxUser('301', 'Jon', 'South', 'jon.south@example.com');
}
