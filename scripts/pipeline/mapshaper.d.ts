// Minimal typing of the part of mapshaper's Node API the pipeline uses.
declare module 'mapshaper' {
  interface Mapshaper {
    /** Runs a command string on in-memory inputs (by file name); resolves to the -o outputs by file name. */
    applyCommands(commands: string, input?: Record<string, string | Buffer>): Promise<Record<string, string | Buffer>>;
  }
  const mapshaper: Mapshaper;
  export default mapshaper;
}
