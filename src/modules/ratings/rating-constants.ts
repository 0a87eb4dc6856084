/** The grade of an organization a veto item excludes from grading (不定级); no dependency, for the web UI too. */
export const NOT_GRADED = '不定级';
