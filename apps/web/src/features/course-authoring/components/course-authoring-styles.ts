// Course authoring's own CSS (Mantine's comes with every screen: app/styles.ts, app/route-styles.ts).
import './course-authoring.css';
