/**
 * System information, as 3cx/xapi-tutorial src/system-information.spec.ts reads it: the
 * SystemStatus singleton (Pbx.SystemStatus: version, licence, counts), its
 * Pbx.SystemHealthStatus() function, Defs/Pbx.GetSystemParameters() (Pbx.SystemParameters with
 * the Pbx.License edition flags) and the LicenseStatus singleton. The version is the sandbox's
 * (`options.version`, also in Defs' X-3CX-Version header); the licence key is a secret of the
 * PBX and the same in every answer that carries it.
 */
import type { SandboxRequest, SandboxResponse } from '../core';
import type { ThreeCxContext } from './context';
import { odataError } from './context';
import type { ThreeCxState } from './store';

/** The licence key the sandbox's PBX has (SystemStatus and LicenseStatus answer it). */
export const SANDBOX_LICENSE_KEY = 'SBX7-4Q2M-9KX1-ENT8';

const FQDN = 'pbx.sandbox.example';
const EXPIRES = '2027-12-31T00:00:00Z';

function license(state: ThreeCxState) {
	const enterprise = state.options.edition === 'Enterprise';
	return { productCode: enterprise ? '3CXPSENT8' : '3CXPSPRO8', enterprise, maxSimCalls: 8 };
}

/** Pbx.SystemStatus, every property of the 20.0.10 swagger. */
function systemStatus(state: ThreeCxState): Record<string, unknown> {
	const users = [...state.users.values()];
	const { productCode, maxSimCalls } = license(state);
	return {
		Id: 1,
		Activated: true,
		AutoUpdateEnabled: false,
		AvailableLocalIps: '192.0.2.10',
		BackupScheduled: true,
		CallsActive: 0,
		ChatUsedSpace: 0,
		CurrentLocalIp: '192.0.2.10',
		DBMaintenanceInProgress: false,
		DiskUsage: 12,
		ExpirationDate: EXPIRES,
		ExtensionsRegistered: users.filter((u) => u.IsRegistered).length,
		ExtensionsTotal: users.length + state.queues.length + state.ringGroups.length,
		FQDN,
		FreeDiskSpace: 42_000_000_000,
		HasNotRunningServices: false,
		HasUnregisteredSystemExtensions: false,
		Ip: '203.0.113.10',
		IpV4: '203.0.113.10',
		IpV6: null,
		IsAuditLogEnabled: true,
		IsChatLogEnabled: false,
		IsRecordingArchiveEnabled: false,
		LastBackupDateTime: '2026-11-30T02:00:00Z',
		LastCheckForUpdates: '2026-11-30T03:00:00Z',
		LastSuccessfulUpdate: '2026-11-02T03:00:00Z',
		LicenseActive: true,
		LicenseKey: SANDBOX_LICENSE_KEY,
		LocalIpValid: true,
		LogUsedSpace: 150_000_000,
		MaintenanceExpiresAt: EXPIRES,
		MaxSimCalls: maxSimCalls,
		MaxUserExtensions: 0,
		OS: 'Linux',
		OutboundRules: 1,
		ProductCode: productCode,
		RecordingQuota: 0,
		RecordingQuotaReached: false,
		RecordingStopped: false,
		RecordingUsedSpace: 0,
		RemoteConfigurationRequired: false,
		RemoteStorageEnabled: false,
		RemoteStorageStatus: 'NotConfigured',
		ResellerName: 'Sandbox Reseller',
		Support: true,
		TotalDiskSpace: 64_000_000_000,
		TrunksRegistered: 0,
		TrunksTotal: 0,
		UserExtensions: users.length,
		Version: state.options.version,
		VoicemailQuotaReached: false,
		VoicemailStopped: false,
	};
}

/** Pbx.LicenseStatus. */
function licenseStatus(state: ThreeCxState): Record<string, unknown> {
	const { productCode, maxSimCalls } = license(state);
	return {
		Activated: true,
		ActiveModules: [],
		AdminEMail: 'admin@example.com',
		CompanyName: 'Sandbox Ltd',
		ContactName: 'Sandbox Admin',
		CountryCode: 'DE',
		CountryName: 'Germany',
		EMail: 'admin@example.com',
		ExpirationDate: EXPIRES,
		LicenseActive: true,
		LicenseKey: SANDBOX_LICENSE_KEY,
		MaintenanceExpiresAt: EXPIRES,
		MaxSimCalls: maxSimCalls,
		ProductCode: productCode,
		ResellerName: 'Sandbox Reseller',
		SimMeetingParticipants: 10,
		Support: true,
		Telephone: '+49301234567',
		Version: state.options.version,
	};
}

/** Pbx.SystemParameters (the properties the sandbox keeps) with its Pbx.License. */
function systemParameters(state: ThreeCxState): Record<string, unknown> {
	const { productCode, enterprise, maxSimCalls } = license(state);
	return {
		FQDN,
		GlobalLanguage: 'EN',
		HttpPort: 5000,
		HttpsPort: 5001,
		IsHosted: false,
		IsHosted3CX: false,
		IsMulticompanyMode: false,
		License: {
			CountryCode: 'DE',
			IsBrandingEnabled: false,
			IsCfdEnabled: true,
			IsEnterprise: enterprise,
			IsMaintainceExpired: false,
			IsProfessional: !enterprise,
			MaxSimCalls: maxSimCalls,
			ProductCode: productCode,
		},
		ProcessorCount: 2,
		SipPort: 5060,
		SipsPort: 5061,
		Version: state.options.version,
	};
}

/** A singleton's answer with `$select` applied (unknown names are a query error, as on collections). */
function singleton(entity: string, context: string, record: Record<string, unknown>, req: SandboxRequest): SandboxResponse {
	const select = (req.query.$select ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	const unknown = select.find((name) => !(name in record));
	if (unknown) return odataError(400, `The query specified in the URI is not valid. Could not find a property named '${unknown}' on type 'Pbx.${entity}'.`);
	const body: Record<string, unknown> = { '@odata.context': context };
	for (const key of select.length ? select : Object.keys(record)) body[key] = record[key];
	return { status: 200, body };
}

export function systemRoutes({ server, state, api }: ThreeCxContext): void {
	const metadata = `${server.baseUrl}/xapi/v1/$metadata`;
	api('GET', '/SystemStatus', (req) => singleton('SystemStatus', `${metadata}#SystemStatus`, systemStatus(state), req));
	api('GET', '/SystemStatus/Pbx.SystemHealthStatus()', () => ({
		status: 200,
		body: { '@odata.context': `${metadata}#Pbx.SystemHealthStatus`, Id: 1, CustomTemplatesCount: 0, Firewall: true, Phones: true, Trunks: true, UnsupportedFirmwaresCount: 0 },
	}));
	api('GET', '/Defs/Pbx.GetSystemParameters()', () => ({ status: 200, body: { '@odata.context': `${metadata}#Pbx.SystemParameters`, ...systemParameters(state) } }));
	api('GET', '/LicenseStatus', (req) => singleton('LicenseStatus', `${metadata}#LicenseStatus`, licenseStatus(state), req));
}
