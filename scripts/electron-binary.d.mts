export function electronBinaryProblem(electronDir: string, env?: NodeJS.ProcessEnv): string | null;
