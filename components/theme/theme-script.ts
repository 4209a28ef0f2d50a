// Runs before the first paint (inline in <head>): applies the theme chosen with the header's toggle,
// so a dark page never flashes light. Without a choice, CSS follows the system setting.
export const THEME_STORAGE_KEY = "tablesync-theme";

export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
