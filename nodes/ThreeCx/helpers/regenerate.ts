import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Pbx.RegenerateOptions flags other than SendWelcomeEmail (swagger 20.0.10). */
const CREDENTIAL_FLAGS = ['ConfigurationLink', 'DeskphonePassword', 'RpsKey', 'SipAuth', 'VoicemailPIN', 'WebclientPassword'];

/** The `opts` body (Pbx.RegenerateOptions) with every flag explicit; at least one must be set. */
export function regenerateOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const chosen = ctx.getNodeParameter('regenerate', itemIndex, []) as string[];
	const sendWelcomeEmail = ctx.getNodeParameter('sendWelcomeEmail', itemIndex, false) as boolean;
	if (!Array.isArray(chosen) || (chosen.length === 0 && !sendWelcomeEmail)) {
		throw new NodeOperationError(ctx.getNode(), `Nothing to regenerate in item ${itemIndex}: choose at least one entry under "Regenerate"`, { itemIndex });
	}
	const unknown = chosen.filter((flag) => !CREDENTIAL_FLAGS.includes(flag));
	if (unknown.length) {
		throw new NodeOperationError(ctx.getNode(), `"Regenerate" has unknown entries in item ${itemIndex}: ${unknown.join(', ')}`, { itemIndex });
	}
	const opts: IDataObject = {};
	for (const flag of CREDENTIAL_FLAGS) opts[flag] = chosen.includes(flag);
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
