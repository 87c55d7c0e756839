<?php
/**
 * The front end: on pages that use a widget, the bundle as a module script with Subresource
 * Integrity, and the site's one <anva-hub> from the settings, before any content.
 *
 * @package AnvaWidgets
 */

defined( 'ABSPATH' ) || exit;

/** The plugin's own copy of the bundle. */
function anva_widgets_bundle_path() {
	return plugin_dir_path( ANVA_WIDGETS_FILE ) . 'assets/anva-widgets.js';
}

/** Where the bundle comes from and its integrity: the CDN the administrator set, or the plugin's copy. */
function anva_widgets_script() {
	static $script;
	if ( null === $script ) {
		$settings = anva_widgets_settings();
		$path     = anva_widgets_bundle_path();
		if ( '' !== $settings['script_src'] ) {
			$script = array( $settings['script_src'], $settings['integrity'] );
		} elseif ( is_readable( $path ) ) {
			$hash   = base64_encode( hash_file( 'sha384', $path, true ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the SRI format.
			$script = array( plugins_url( 'assets/anva-widgets.js', ANVA_WIDGETS_FILE ), 'sha384-' . $hash );
		} else {
			$script = array( '', '' );
		}
	}
	return $script;
}

/** True when the page answers a sign-in at the Hub (the redirect URI), which needs the bundle. */
function anva_widgets_is_callback() {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- read only to decide whether to load the script.
	return isset( $_GET['state'] ) && ( isset( $_GET['code'] ) || isset( $_GET['error'] ) );
}

/** True when a post of the main query carries a widget in any form. */
function anva_widgets_in_query() {
	global $wp_query;
	foreach ( (array) ( $wp_query->posts ?? array() ) as $post ) {
		$content = is_object( $post ) ? (string) $post->post_content : '';
		if ( preg_match( '/<!-- wp:anva-widgets\/|\[anva_|<anva-|data-anva/i', $content ) ) {
			return true;
		}
	}
	return false;
}

/**
 * Marks the page as using widgets; called for every widget rendered. Themes that place widgets
 * outside post content can call it (or filter `anva_widgets_load`) before wp_head.
 */
function anva_widgets_use() {
	if ( ! empty( $GLOBALS['anva_widgets_used'] ) || ! anva_widgets_configured() ) {
		return;
	}
	$GLOBALS['anva_widgets_used'] = true;
	list( $src ) = anva_widgets_script();
	if ( '' !== $src ) {
		$own = '' === anva_widgets_settings()['script_src'];
		wp_enqueue_script( 'anva-widgets', $src, array(), $own ? ANVA_WIDGETS_VERSION : null, did_action( 'wp_head' ) > 0 );
	}
	if ( did_action( 'wp_head' ) ) {
		add_action( 'wp_footer', 'anva_widgets_print', 1 );
	}
}

// A module script (deferred, strict), pinned by its hash and fetched with CORS as SRI needs; it
// also pins the Hub's and the API's origins, so no configuration can name another server.
add_filter(
	'script_loader_tag',
	function ( $tag, $handle, $src ) {
		if ( 'anva-widgets' !== $handle ) {
			return $tag;
		}
		list( , $integrity ) = anva_widgets_script();
		$settings = anva_widgets_settings();
		$origins  = array_unique( array_filter( array( anva_widgets_origin( $settings['authority'] ), anva_widgets_origin( $settings['api_base'] ) ) ) );
		return sprintf(
			'<script type="module" src="%s" integrity="%s" crossorigin="anonymous" data-anva-origins="%s"></script>' . "\n",
			esc_url( $src ),
			esc_attr( $integrity ),
			esc_attr( implode( ' ', $origins ) )
		);
	},
	10,
	3
);

add_action(
	'wp',
	function () {
		if ( is_admin() || ! anva_widgets_configured() ) {
			return;
		}
		if ( apply_filters( 'anva_widgets_load', anva_widgets_in_query() || anva_widgets_is_callback() ) ) {
			anva_widgets_use();
		}
	}
);

add_action(
	'wp_head',
	function () {
		if ( ! empty( $GLOBALS['anva_widgets_used'] ) ) {
			anva_widgets_print();
		}
	},
	PHP_INT_MAX
);

/** Prints <anva-hub> once; at the end of the head, so before any content. */
function anva_widgets_print() {
	if ( did_action( 'anva_widgets_printed' ) ) {
		return;
	}
	do_action( 'anva_widgets_printed' );
	$settings   = anva_widgets_settings();
	$attributes = array(
		'authority'                => $settings['authority'],
		'client-id'                => $settings['client_id'],
		'api-base'                 => $settings['api_base'],
		'redirect-uri'             => anva_widgets_redirect_uri(),
		'post-logout-redirect-uri' => anva_widgets_redirect_uri(),
		'organization'             => $settings['organization'],
		'lang'                     => $settings['lang'],
		'tone'                     => $settings['tone'],
		'currency'                 => $settings['currency'],
		'storage'                  => $settings['storage'],
	);
	$html = '<anva-hub';
	foreach ( array_filter( $attributes, 'strlen' ) as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	echo $html . "></anva-hub>\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- every value is escaped above.
}

/**
 * The Content-Security-Policy the widgets need on this site, strict: no inline script or
 * style, connections only to the Hub and its API. See readme.txt for sending it.
 */
function anva_widgets_csp() {
	$settings = anva_widgets_settings();
	$hub      = implode( ' ', array_unique( array_filter( array( anva_widgets_origin( $settings['authority'] ), anva_widgets_origin( $settings['api_base'] ) ) ) ) );
	$script   = trim( "'self' " . anva_widgets_origin( $settings['script_src'] ) );
	return "default-src 'self'; script-src $script; style-src 'self'; connect-src 'self' $hub; img-src 'self' data: $hub; form-action 'self' $hub; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
}
