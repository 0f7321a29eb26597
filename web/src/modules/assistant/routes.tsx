/** The assistant module's pages, mounted inside the app shell. */
export const assistantRoutes = <></>;
