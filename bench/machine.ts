// The machine a run happened on: CPU, cores, memory, browsers, Node.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { promisify } from 'node:util';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  /** 1-minute load average when the run started: other work on the machine skews every time. */
  loadAverage: number;
  os: string;
  node: string;
  chromium: string;
  firefox: string;
}

async function version(bin: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(bin, ['--version'], { timeout: 20_000 });
    return stdout.trim().split('\n')[0] ?? 'unknown';
  } catch {
    return 'not found';
  }
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) return m[1].trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

function osName(): string {
  try {
    const m = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m?.[1]) return m[1];
  } catch {
    // not Linux
  }
  return process.platform;
}

export async function machineInfo(): Promise<Machine> {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    os: osName(),
    node: process.version,
    chromium: (await version(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')).replace(/ built on.*/, ''),
    firefox: await version(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'),
  };
}
