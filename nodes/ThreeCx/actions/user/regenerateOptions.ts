import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showUser } from './locator';

/** Pbx.RegenerateOptions flags the node offers to regenerate (SendWelcomeEmail is its own switch). */
const CREDENTIALS = [
	{ name: 'Configuration (Provisioning) Link', value: 'ConfigurationLink', description: 'New secret path for the phone provisioning link; phones need the new link' },
	{ name: 'Desk Phone Password', value: 'DeskphonePassword', description: 'The web password of the desk phone' },
	{ name: 'RPS Key', value: 'RpsKey', description: 'The key of the phone vendor redirection (RPS) entry' },
	{ name: 'SIP Authentication', value: 'SipAuth', description: 'SIP authentication ID and password: registered phones and apps are signed out' },
	{ name: 'Voicemail PIN', value: 'VoicemailPIN' },
	{ name: 'Web Client Password', value: 'WebclientPassword', description: 'The password of the 3CX web client and apps' },
];

export function regenerateFields(operations: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Regenerate',
			name: 'regenerate',
			type: 'multiOptions',
			options: CREDENTIALS,
			default: ['SipAuth'],
			displayOptions: showUser(operations),
			description: 'Which credentials the PBX replaces with new random ones. The new values are not returned.',
		},
		{
			displayName: 'Send Welcome Email',
			name: 'sendWelcomeEmail',
			type: 'boolean',
			default: false,
			displayOptions: showUser(operations),
			description: 'Whether the PBX e-mails the user the welcome message (with the new credentials) afterwards',
		},
	];
}

/** The `opts` body (Pbx.RegenerateOptions) with every flag explicit; at least one must be set. */
export function regenerateOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const chosen = ctx.getNodeParameter('regenerate', itemIndex, []) as string[];
	const sendWelcomeEmail = ctx.getNodeParameter('sendWelcomeEmail', itemIndex, false) as boolean;
	if (!Array.isArray(chosen) || (chosen.length === 0 && !sendWelcomeEmail)) {
		throw new NodeOperationError(ctx.getNode(), `Nothing to regenerate in item ${itemIndex}: choose at least one entry under "Regenerate"`, { itemIndex });
	}
	const unknown = chosen.filter((flag) => !CREDENTIALS.some((c) => c.value === flag));
	if (unknown.length) {
		throw new NodeOperationError(ctx.getNode(), `"Regenerate" has unknown entries in item ${itemIndex}: ${unknown.join(', ')}`, { itemIndex });
	}
	const opts: IDataObject = {};
	for (const { value } of CREDENTIALS) opts[value] = chosen.includes(value);
	opts.SendWelcomeEmail = sendWelcomeEmail;
	return opts;
}

/** The part of the output that says what was regenerated (never the new values). */
export function regeneratedSummary(opts: IDataObject): IDataObject {
	return {
		regenerated: Object.keys(opts).filter((key) => key !== 'SendWelcomeEmail' && opts[key] === true),
		welcomeEmailSent: opts.SendWelcomeEmail === true,
	};
}
