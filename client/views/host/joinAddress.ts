// Which address the lobby's join URL and QR code use: the server's LAN addresses (GET /api/network), never a loopback a phone cannot reach.
import type { NetworkInfo } from "../../../shared/protocol/network.ts";
import { NETWORK_ROUTE, NetworkInfoSchema } from "../../../shared/protocol/network.ts";

/** One address the host may show to the class. */
export interface JoinTarget {
  /** e.g. "http://192.168.1.20:2567/join"; the QR code opens `${joinBaseUrl}/${code}`. */
  joinBaseUrl: string;
  /** What the projector shows: the URL without "http://". */
  display: string;
  /** For the picker: "192.168.1.20 (wlan0)". */
  label: string;
  isLoopback: boolean;
}

export interface JoinChoices {
  options: JoinTarget[];
  selected: JoinTarget;
  /** The page was opened on loopback and the server has no other address: warn the teacher. */
  isUnreachable: boolean;
}

/** The address bar's location, as the page sees it. */
export interface PageLocation {
  protocol: string;
  hostname: string;
  host: string;
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h.endsWith(".localhost") || /^127\./.test(h) || h === "::1" || h === "0:0:0:0:0:0:0:1";
}

function display(joinBaseUrl: string): string {
  return joinBaseUrl.replace(/^https?:\/\//, "");
}

/**
 * The choices and the default: the page's own address when it is already reachable (opened on a LAN
 * address or a name), else the first LAN address the server reports, else the page's loopback with a warning.
 * `remembered` is the host's last pick, kept when it is still on offer.
 */
export function getJoinChoices(info: NetworkInfo | null, page: PageLocation, remembered: string | null = null): JoinChoices {
  const pageTarget: JoinTarget = {
    joinBaseUrl: `${page.protocol}//${page.host}/join`,
    display: `${page.host}/join`,
    label: page.host,
    isLoopback: isLoopbackHost(page.hostname),
  };
  const lan: JoinTarget[] = (info?.addresses ?? []).map((a) => ({ joinBaseUrl: a.joinBaseUrl, display: display(a.joinBaseUrl), label: `${a.address} (${a.interfaceName})`, isLoopback: false }));
  const pageHost = page.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const pageIsLan = (info?.addresses ?? []).findIndex((a) => a.address.toLowerCase() === pageHost);
  let options: JoinTarget[];
  let preferred: JoinTarget | undefined;
  if (pageIsLan >= 0) {
    options = lan;
    preferred = lan[pageIsLan];
  } else if (!pageTarget.isLoopback) {
    options = [pageTarget, ...lan];
    preferred = pageTarget;
  } else {
    options = lan.length > 0 ? lan : [pageTarget];
    preferred = options[0];
  }
  const selected = options.find((o) => o.joinBaseUrl === remembered) ?? preferred ?? pageTarget;
  return { options, selected, isUnreachable: selected.isLoopback };
}

/** Asks the server for its addresses; null when the answer is missing or malformed (the page's own address is used then). */
export async function fetchNetworkInfo(): Promise<NetworkInfo | null> {
  try {
    const res = await fetch(NETWORK_ROUTE, { cache: "no-store" });
    if (!res.ok) return null;
    const parsed = NetworkInfoSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const REMEMBER_KEY = "hc.joinBase";

/** The host's join address for this page: loaded once, changed with the lobby's picker, listened to by the lobby and the header. */
export interface JoinAddressStore {
  /** null until the server has answered (or failed to). */
  get(): JoinChoices | null;
  select(joinBaseUrl: string): void;
  subscribe(listener: (choices: JoinChoices | null) => void): () => void;
}

export function createJoinAddressStore(page: PageLocation = location): JoinAddressStore {
  const listeners = new Set<(c: JoinChoices | null) => void>();
  const read = () => {
    try {
      return localStorage.getItem(REMEMBER_KEY);
    } catch {
      return null;
    }
  };
  let info: NetworkInfo | null = null;
  let choices: JoinChoices | null = null;
  const emit = () => {
    for (const l of listeners) l(choices);
  };
  void fetchNetworkInfo().then((answer) => {
    info = answer;
    choices = getJoinChoices(info, page, read());
    emit();
  });
  return {
    get: () => choices,
    select(joinBaseUrl) {
      try {
        localStorage.setItem(REMEMBER_KEY, joinBaseUrl);
      } catch {
        // private mode: the pick lasts for this page
      }
      choices = getJoinChoices(info, page, joinBaseUrl);
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
