/** The assistant's chat panel, reachable from every page (being built, issue 20 journey 8). */
export function AssistantPanel() {
  return null;
}
