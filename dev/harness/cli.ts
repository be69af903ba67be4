/** Command-line helpers of the driver scripts (test:n8n, test:editor, test:queue). */

/** The value after `--<name>` on the command line; missing is an error. */
export function argument(name: string): string {
	const index = process.argv.indexOf(`--${name}`);
	const value = index > 0 ? process.argv[index + 1] : undefined;
	if (!value) throw new Error(`Missing --${name}`);
	return value;
}
