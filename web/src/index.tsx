import { render } from 'solid-js/web';
import { App } from './App.tsx';
import './styles/index.css';

render(() => <App />, document.getElementById('root')!);
