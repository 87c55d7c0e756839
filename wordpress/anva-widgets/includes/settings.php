<?php
/**
 * The web team's settings: one option, validated the way <anva-hub> validates its attributes.
 *
 * @package AnvaWidgets
 */

defined( 'ABSPATH' ) || exit;

const ANVA_WIDGETS_OPTION = 'anva_widgets_settings';

/** Every setting with its default. */
function anva_widgets_defaults() {
	return array(
		'authority'    => '',
		'client_id'    => '',
		'api_base'     => '',
		'organization' => '',
		'lang'         => 'nl',
		'tone'         => 'formal',
		'currency'     => 'EUR',
		'storage'      => 'session',
		'script_src'   => '',
		'integrity'    => '',
	);
}

/** The saved settings, completed with defaults. */
function anva_widgets_settings() {
	$saved = get_option( ANVA_WIDGETS_OPTION, array() );
	return array_merge( anva_widgets_defaults(), is_array( $saved ) ? $saved : array() );
}

/** True for an absolute http(s) URL without credentials, query or fragment. */
function anva_widgets_is_base_url( $value ) {
	$parts = wp_parse_url( $value );
	return is_array( $parts )
		&& isset( $parts['scheme'], $parts['host'] )
		&& in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true )
		&& ! array_intersect_key( $parts, array_flip( array( 'user', 'pass', 'query', 'fragment' ) ) )
		&& ! preg_match( '/[\s<>"\'`]/', $value );
}

/** The origin (scheme, host, port) of a URL. */
function anva_widgets_origin( $url ) {
	$parts = wp_parse_url( $url );
	if ( ! is_array( $parts ) || ! isset( $parts['scheme'], $parts['host'] ) ) {
		return '';
	}
	return strtolower( $parts['scheme'] ) . '://' . strtolower( $parts['host'] ) . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
}

/**
 * Validates what the settings form sent. A value that fails keeps the saved one and says why,
 * so a typo never takes the widgets offline.
 *
 * @param mixed $input The submitted fields.
 * @return array The settings to store.
 */
function anva_widgets_sanitize( $input ) {
	$old    = anva_widgets_settings();
	$input  = is_array( $input ) ? $input : array();
	$clean  = $old;
	$value  = function ( $key ) use ( $input ) {
		return isset( $input[ $key ] ) && is_string( $input[ $key ] ) ? trim( $input[ $key ] ) : '';
	};
	$reject = function ( $key, $message ) use ( &$clean, $old ) {
		$clean[ $key ] = $old[ $key ];
		add_settings_error( ANVA_WIDGETS_OPTION, 'anva-widgets-' . $key, $message );
	};

	foreach ( array( 'authority', 'api_base' ) as $key ) {
		$url = untrailingslashit( $value( $key ) );
		if ( '' === $url || anva_widgets_is_base_url( $url ) ) {
			$clean[ $key ] = $url;
		} else {
			/* translators: %s: the name of the setting, e.g. "Authority". */
			$reject( $key, sprintf( __( '%s must be an absolute http(s) address without query or fragment, for example https://login.example-hub.nl.', 'anva-widgets' ), anva_widgets_label( $key ) ) );
		}
	}

	$client_id = $value( 'client_id' );
	if ( '' === $client_id || preg_match( '/^[A-Za-z0-9._:-]{1,200}$/', $client_id ) ) {
		$clean['client_id'] = $client_id;
	} else {
		$reject( 'client_id', __( 'The client id may contain only letters, digits, dots, dashes, underscores and colons.', 'anva-widgets' ) );
	}

	$organization = $value( 'organization' );
	if ( '' === $organization || preg_match( '/^[\w.:-]{1,100}$/u', $organization ) ) {
		$clean['organization'] = $organization;
	} else {
		$reject( 'organization', __( 'The organisation is an id or code without spaces.', 'anva-widgets' ) );
	}

	$choices = array(
		'lang'    => array( 'nl', 'en' ),
		'tone'    => array( 'formal', 'informal' ),
		'storage' => array( 'session', 'memory' ),
	);
	foreach ( $choices as $key => $allowed ) {
		if ( in_array( $value( $key ), $allowed, true ) ) {
			$clean[ $key ] = $value( $key );
		} else {
			/* translators: %s: the name of the setting, e.g. "Language". */
			$reject( $key, sprintf( __( 'Choose one of the offered values for %s.', 'anva-widgets' ), anva_widgets_label( $key ) ) );
		}
	}

	$currency = strtoupper( $value( 'currency' ) );
	if ( preg_match( '/^[A-Z]{3}$/', $currency ) ) {
		$clean['currency'] = $currency;
	} else {
		$reject( 'currency', __( 'The currency is a three-letter ISO 4217 code, for example EUR.', 'anva-widgets' ) );
	}

	$script_src = $value( 'script_src' );
	$integrity  = $value( 'integrity' );
	if ( '' === $script_src ) {
		$clean['script_src'] = '';
		$clean['integrity']  = '';
	} elseif ( ! preg_match( '#^https://#i', $script_src ) || ! anva_widgets_is_base_url( $script_src ) ) {
		$reject( 'script_src', __( 'The script address must be an https address without query or fragment.', 'anva-widgets' ) );
	} elseif ( ! preg_match( '#^sha384-[A-Za-z0-9+/]{64}$#', $integrity ) ) {
		$reject( 'script_src', __( 'A script from a CDN needs its integrity hash (sha384-…), as printed by the build.', 'anva-widgets' ) );
	} else {
		$clean['script_src'] = $script_src;
		$clean['integrity']  = $integrity;
	}

	return $clean;
}

/** The label a setting has on the settings page. */
function anva_widgets_label( $key ) {
	$labels = array(
		'authority'    => __( 'Authority (ANVA Hub sign-in)', 'anva-widgets' ),
		'client_id'    => __( 'Client id', 'anva-widgets' ),
		'api_base'     => __( 'API base', 'anva-widgets' ),
		'organization' => __( 'Organisation', 'anva-widgets' ),
		'lang'         => __( 'Language', 'anva-widgets' ),
		'tone'         => __( 'Form of address', 'anva-widgets' ),
		'currency'     => __( 'Currency', 'anva-widgets' ),
		'storage'      => __( 'Session storage', 'anva-widgets' ),
		'script_src'   => __( 'Script from a CDN', 'anva-widgets' ),
		'integrity'    => __( 'Integrity of the CDN script', 'anva-widgets' ),
	);
	return $labels[ $key ];
}

/** True once the three required settings are there. */
function anva_widgets_configured() {
	$settings = anva_widgets_settings();
	return '' !== $settings['authority'] && '' !== $settings['client_id'] && '' !== $settings['api_base'];
}

/**
 * The one address the Hub sends customers back to; the widgets then return them to the page
 * they started from. With plain permalinks every page's path is "/", so the callback gets a
 * path of its own (index.php) to tell the two apart.
 */
function anva_widgets_redirect_uri() {
	return get_option( 'permalink_structure' ) ? home_url( '/' ) : home_url( '/index.php' );
}

add_action(
	'admin_init',
	function () {
		register_setting(
			'anva_widgets',
			ANVA_WIDGETS_OPTION,
			array(
				'type'              => 'object',
				'show_in_rest'      => false,
				'sanitize_callback' => 'anva_widgets_sanitize',
				'default'           => anva_widgets_defaults(),
			)
		);
	}
);
