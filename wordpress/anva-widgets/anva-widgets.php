<?php
/**
 * Plugin Name:       ANVA widgets
 * Description:       Shows your customers their own insurance dossier from ANVA Hub: sign-in, contracts, contract details and account, as blocks and shortcodes.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            anva-widgets
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       anva-widgets
 * Domain Path:       /languages
 *
 * @package AnvaWidgets
 */

defined( 'ABSPATH' ) || exit;

define( 'ANVA_WIDGETS_VERSION', '0.1.0' );
define( 'ANVA_WIDGETS_FILE', __FILE__ );

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/markup.php';
require_once __DIR__ . '/includes/content.php';
require_once __DIR__ . '/includes/page.php';
require_once __DIR__ . '/includes/admin.php';

// The option exists from the start, so WordPress validates the first save once, not twice.
register_activation_hook(
	__FILE__,
	function () {
		add_option( ANVA_WIDGETS_OPTION, anva_widgets_defaults() );
	}
);

add_action(
	'init',
	function () {
		load_plugin_textdomain( 'anva-widgets', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
	}
);
