<?php
/**
 * Deleting the plugin removes its settings.
 *
 * @package AnvaWidgets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'anva_widgets_settings' );
