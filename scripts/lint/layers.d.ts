import type { Rule } from 'eslint';

export declare function violation(from: string, target: string, typeOnly: boolean): string | null;
declare const plugin: { rules: { 'import-direction': Rule.RuleModule } };
export default plugin;
