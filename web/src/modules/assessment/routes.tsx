/** The assessment module's pages (exercises, grades, appeals), mounted inside the app shell. */
export const assessmentRoutes = <></>;
